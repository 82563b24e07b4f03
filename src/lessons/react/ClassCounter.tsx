import { Component } from 'react';
import { CounterView } from './Counter.tsx';
import type { CounterSocket } from './socket-context.ts';

interface Props {
  socket: CounterSocket;
}
interface State {
  count: number | undefined;
  heard: number;
  connected: boolean;
}

// #region class
export class ClassCounter extends Component<Props, State> {
  state: State = { count: undefined, heard: 0, connected: this.props.socket.connected };

  // Fields holding arrow functions: one function each, for `on` and for `off`.
  onChange = (count: number) =>
    this.setState(({ heard }) => ({ count, heard: heard + 1 }));
  onConnect = () => this.setState({ connected: true });
  onDisconnect = () => this.setState({ connected: false });

  componentDidMount() {
    const { socket } = this.props; // the app's socket: this component does not make one
    socket.on('number:change', this.onChange);
    socket.on('connect', this.onConnect);
    socket.on('disconnect', this.onDisconnect);
    this.setState({ connected: socket.connected });
  }

  componentWillUnmount() {
    // Take off this component's listeners; the socket stays open for the rest of the app.
    const { socket } = this.props;
    socket.off('number:change', this.onChange);
    socket.off('connect', this.onConnect);
    socket.off('disconnect', this.onDisconnect);
  }

  render() {
    return <CounterView {...this.state} />;
  }
}
// #endregion
