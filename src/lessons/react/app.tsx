import { Activity, StrictMode, useEffect, useState } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import { ClassCounter } from './ClassCounter.tsx';
import { Counter, CounterWithoutCleanup } from './Counter.tsx';
import { type CounterSocket, SocketContext, useSocket } from './socket-context.ts';

const COMPONENTS = {
  function: 'Counter (function)',
  class: 'ClassCounter',
  forgot: 'Forgot the cleanup',
} as const;
type Choice = keyof typeof COMPONENTS;

/**
 * One demo client's app: the counter, a choice of three versions of it, and
 * "Remount", which does what Strict Mode does to a component in development
 * (its effects cleaned up and set up again, its state kept): `<Activity>`
 * hides it, then shows it again. The built page runs React's production build,
 * where Strict Mode does nothing.
 */
function CounterApp() {
  const socket = useSocket();
  const [choice, setChoice] = useState<Choice>('function');
  const [hidden, setHidden] = useState(false);
  const [listeners, setListeners] = useState(0);

  // Shown again as soon as the hide is committed (and its cleanups have run).
  useEffect(() => {
    if (hidden) setHidden(false);
  }, [hidden]);
  // After every render of the app, its counter's effects included: who listens now.
  useEffect(() => {
    setListeners(socket.listeners('number:change').length);
  });

  return (
    <>
      <Activity mode={hidden ? 'hidden' : 'visible'}>
        {choice === 'function' ? (
          <Counter />
        ) : choice === 'class' ? (
          <ClassCounter socket={socket} />
        ) : (
          <CounterWithoutCleanup />
        )}
      </Activity>
      <div className="react-lab">
        <label>
          Component{' '}
          <select
            value={choice}
            onChange={(event) => setChoice(event.target.value as Choice)}
          >
            {Object.entries(COMPONENTS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setHidden(true)}>
          Remount
        </button>
        <p role="status" aria-label="Listeners" className="listeners">
          number:change listeners: {listeners}
        </p>
      </div>
    </>
  );
}

/**
 * The demo's socket is connecting already when its panel mounts the app: rendered at once,
 * effects included, the counter listens before the count the server sends on arrival comes.
 */
export function mountCounterApp(element: HTMLElement, socket: CounterSocket) {
  flushSync(() => renderCounterApp(element, socket));
}

// #region root
function renderCounterApp(element: HTMLElement, socket: CounterSocket) {
  createRoot(element).render(
    <StrictMode>
      <SocketContext value={socket}>
        <CounterApp />
      </SocketContext>
    </StrictMode>,
  );
}
// #endregion
