import type { LessonClient } from '../../components/demo/demo-host.ts';
import { h } from '../../components/demo/dom.ts';
import { mountCounterApp } from './app.tsx';
import type { CounterSocket } from './socket-context.ts';

/** Each demo client is a React app of its own, on the socket the demo opened for it. */
const reactClient: LessonClient = {
  slug: 'react',
  // Two from the start: a click in one shows in the other.
  names: ['Ada', 'Bo'],
  mount({ controls, socket }) {
    const root = h('div', { class: 'react-root' });
    controls.append(root);
    mountCounterApp(root, socket as CounterSocket);
  },
};

export default reactClient;
