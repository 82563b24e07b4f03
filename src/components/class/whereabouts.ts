/** Where a reader is: the lesson this page shows and the section in view. */
export interface Whereabouts {
  lesson: string | null;
  section: string | null;
}

/** The lesson this page shows, from its address. */
export const lessonOfPage = () => /^\/lessons\/([a-z0-9-]+)\/?$/.exec(location.pathname)?.[1] ?? null;

/**
 * Calls `report` with the page's lesson at once, then again (at most once a
 * second) whenever another section of the lesson scrolls into view.
 */
export function watchWhereabouts(report: (where: Whereabouts) => void) {
  const lesson = lessonOfPage();
  let section: string | null = null;
  const current = () => ({ lesson, section });
  report(current());
  const headings = [...document.querySelectorAll<HTMLElement>('article h2[id]')];
  if (!lesson || headings.length === 0) return current;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new IntersectionObserver(
    (entries) => {
      const visible = entries.find((entry) => entry.isIntersecting);
      if (!visible || visible.target.id === section) return;
      section = visible.target.id;
      clearTimeout(timer);
      timer = setTimeout(() => report(current()), 1000);
    },
    { rootMargin: '0px 0px -60% 0px' },
  );
  for (const heading of headings) observer.observe(heading);
  return current;
}

/**
 * The instructor's tabs talk over this channel (same browser only): lesson
 * pages say where they are, and the dashboard, when "Follow me" follows the
 * instructor's reading, passes it on to the class.
 */
export const PRESENTER_CHANNEL = 'socket-workshop:presenter';
