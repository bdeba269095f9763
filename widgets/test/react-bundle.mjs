// React and ReactDOM are CommonJS on npm; the React page test imports them from /__react__.js, an ES
// module esbuild makes from the real packages on first request.
import { build } from 'esbuild';

let bundled;

export function reactBundle(resolveDir) {
  return {
    name: 'doorstep-react-bundle',
    async serve(context) {
      if (context.path !== '/__react__.js') return undefined;
      bundled ??= build({
        stdin: {
          contents:
            "import * as React from 'react'; import * as ReactDOMClient from 'react-dom/client';\n" +
            'export { React, ReactDOMClient };',
          resolveDir,
          loader: 'js',
        },
        bundle: true,
        format: 'esm',
        write: false,
        define: { 'process.env.NODE_ENV': '"development"' },
        logLevel: 'warning',
      }).then((result) => result.outputFiles[0].text);
      return { body: await bundled, type: 'js' };
    },
  };
}
