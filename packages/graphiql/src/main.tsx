import { createGraphiQLFetcher, type Fetcher } from '@graphiql/toolkit';
import { GraphiQL } from 'graphiql';
// Monaco's editor, JSON and GraphQL workers, each its own file in the bundle (script-src 'self').
import 'graphiql/setup-workers/vite';
import 'graphiql/style.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DemoUserPicker } from './demo-users.js';
import './page.css';

// The standard introspection query is deeper than the query depth limit; the gateway exempts
// operations that ask only for the schema (gateway/src/graphql/limits.ts).
const fetcher: Fetcher = createGraphiQLFetcher({ url: '/graphql' });

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
