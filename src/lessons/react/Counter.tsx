import { useEffect, useState } from 'react';
import { useSocket } from './socket-context.ts';

// #region counter
export function Counter() {
  const socket = useSocket();
  const [count, setCount] = useState<number>(); // nothing until the server says
  const [heard, setHeard] = useState(0);
  const [connected, setConnected] = useState(socket.connected);

  useEffect(() => {
    // Named functions, so that the cleanup takes off exactly these.
    function onChange(value: number) {
      setCount(value);
      setHeard((n) => n + 1);
    }
    function onConnect() {
      setConnected(true);
    }
    function onDisconnect() {
      setConnected(false);
    }

    socket.on('number:change', onChange);
    socket.on('connect', onConnect);
    socket.on('disconnect', onDisconnect);
    setConnected(socket.connected); // it may have connected before this effect ran

    return () => {
      socket.off('number:change', onChange);
      socket.off('connect', onConnect);
      socket.off('disconnect', onDisconnect);
    };
  }, [socket]);

  return <CounterView count={count} heard={heard} connected={connected} />;
}
// #endregion

interface CounterState {
  count: number | undefined;
  heard: number;
  connected: boolean;
}

// #region view
export function CounterView({ count, heard, connected }: CounterState) {
  const socket = useSocket();
  return (
    <div className="react-counter">
      <p role="status" aria-label="Socket" className="session">
        {connected ? `Connected as ${socket.id}` : 'Disconnected'}
      </p>
      <div className="counter">
        {/* The buttons only ask: the count changes when the server answers. */}
        <button
          type="button"
          disabled={!connected}
          onClick={() => socket.emit('decrement')}
        >
          Decrement
        </button>
        <output aria-label="Count" className="count">
          {count ?? '…'}
        </output>
        <button
          type="button"
          disabled={!connected}
          onClick={() => socket.emit('increment')}
        >
          Increment
        </button>
      </div>
      <p role="status" aria-label="Changes heard" className="heard">
        Changes heard: {heard}
      </p>
    </div>
  );
}
// #endregion

/** The bug on show: the same component, its effect without a cleanup. */
export function CounterWithoutCleanup() {
  const socket = useSocket();
  const [count, setCount] = useState<number>();
  const [heard, setHeard] = useState(0);
  const [connected, setConnected] = useState(socket.connected);

  // #region forgot-cleanup
  useEffect(() => {
    socket.on('number:change', (value) => {
      setCount(value);
      setHeard((n) => n + 1);
    });
    socket.on('connect', () => setConnected(true));
    socket.on('disconnect', () => setConnected(false));
    setConnected(socket.connected);
    // No cleanup returned: each setup adds listeners, and nothing takes them off.
  }, [socket]);
  // #endregion

  return <CounterView count={count} heard={heard} connected={connected} />;
}
