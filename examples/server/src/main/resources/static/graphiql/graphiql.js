// SPDX-License-Identifier: Apache-2.0
// GraphiQL on the example server: the signed-in user's saved example operations open as tabs. The session cookie
// of the login goes with every request (same origin), and the server's ActorResolver turns it into the viewer.
(async function () {
  const me = await fetch('/demo/me', { credentials: 'same-origin' }).then(r => r.json());
  document.getElementById('lead-user').textContent = me.username + ' (' + me.role + ', ' + me.purpose + ')';
  const operations = await fetch('operations.json', { credentials: 'same-origin' }).then(r => r.json());
  const mine = operations.filter(op => op.roles.includes(me.role));
  const tabs = (mine.length ? mine : operations.slice(0, 1)).map(op => ({
    query: '# ' + op.title + '\n' + op.query,
    variables: op.variables ? JSON.stringify(op.variables, null, 2) : undefined,
  }));
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, { fetcher, defaultTabs: tabs, defaultEditorToolsVisibility: true }));
})();
