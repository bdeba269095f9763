import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
// Monaco's editor, JSON and GraphQL workers, each its own file in the bundle (script-src 'self').
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoUserPicker } from './demo-users.js';
import { shallowIntrospection } from './introspection.js';
import './page.css';

const fetchGraphQL = createGraphiQLFetcher({ url: '/graphql' });
const fetcher: Fetcher = (params, options) =>
  fetchGraphQL(
    params.operationName === 'IntrospectionQuery'
      ? { ...params, query: shallowIntrospection(params.query) }
      : params,
    options,
  );

const defaultQuery = `# Doorstep's API, in development.
# "Act as" (top right) puts a demo user's
# token in the Headers below. The schema and
# its descriptions: Docs (the book). Run with
# Ctrl-Enter.
query RecentConcerns {
  concerns(first: 5) {
    totalCount
    edges {
      node {
        reference
        urgency
        subjectDescription
      }
    }
  }
}
`;

createRoot(document.getElementById('graphiql')!).render(
  <StrictMode>
    <GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} defaultEditorToolsVisibility="headers">
      <GraphiQL.Logo>
        <DemoUserPicker />
      </GraphiQL.Logo>
    </GraphiQL>
  </StrictMode>,
);
