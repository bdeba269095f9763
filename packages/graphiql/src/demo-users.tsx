// Act as a demo user: lists them from the gateway's development route GET /dev/users, gets a token
// for the one chosen from POST /dev/token and writes it into GraphiQL's request headers, where it
// can be seen and edited. Headers are not kept in the browser's storage (GraphiQL's default).
import { useGraphiQL } from '@graphiql/react';
import { useEffect, useState, type ChangeEvent } from 'react';

interface DemoUser {
  id: string;
  name: string;
  organisation: { name: string };
}

export function DemoUserPicker() {
  const headerEditor = useGraphiQL((state) => state.headerEditor);
  const [users, setUsers] = useState<DemoUser[]>([]);
  const [chosen, setChosen] = useState('');
  const [problem, setProblem] = useState('');
  // The headers as the chosen user's token makes them; written once the headers editor is there.
  const [headers, setHeaders] = useState<string>();

  useEffect(() => {
    if (headerEditor && headers !== undefined) headerEditor.setValue(headers);
  }, [headerEditor, headers]);

  useEffect(() => {
    fetch('/dev/users')
      .then((response) =>
        response.ok ? response.json() : Promise.reject(new Error(String(response.status))),
      )
      .then((body: { users: DemoUser[] }) => setUsers(body.users))
      .catch(() => setProblem('Could not list the demo users'));
  }, []);

  async function choose(event: ChangeEvent<HTMLSelectElement>) {
    const userId = event.target.value;
    setChosen(userId);
    setProblem('');
    if (!userId) return setHeaders('{}');
    const response = await fetch('/dev/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId }),
    });
    if (!response.ok) return setProblem('No token for that user');
    const { token } = (await response.json()) as { token: string };
    setHeaders(JSON.stringify({ Authorization: `Bearer ${token}` }, null, 2));
  }

  return (
    <div className="doorstep-picker">
      <label htmlFor="demo-user">Act as</label>
      <select id="demo-user" value={chosen} onChange={choose}>
        <option value="">No one (no token)</option>
        {users.map((user) => (
          <option key={user.id} value={user.id}>
            {user.name}, {user.organisation.name}
          </option>
        ))}
      </select>
      {problem && <span role="alert">{problem}</span>}
    </div>
  );
}
