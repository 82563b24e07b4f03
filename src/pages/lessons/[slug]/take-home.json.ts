import { getCollection } from 'astro:content';
import type { APIRoute, GetStaticPaths } from 'astro';
import { shownServerCode } from '../../../components/exercise/shown-server.ts';
import { lessonNames } from '../../../components/playground/lesson-names.ts';
import { ownProject, takeHomeFiles } from '../../../components/take-home/project.ts';
import { shownServerExercise } from '../../../components/take-home/shown-server-exercise.ts';

/**
 * A lesson's take-home project, as the files of a folder (`{ folder, files }`):
 * the page zips them itself when the reader asks ("Take it home"), so the
 * server stores and makes nothing. The lesson's server code is its server
 * exercise's solution, the region the lesson shows.
 */
export const getStaticPaths = (async () => {
  const lessons = await getCollection('lessons');
  return lessons.flatMap((lesson) => {
    const exercise = shownServerExercise(lesson);
    if (!exercise) return [];
    return [
      {
        params: { slug: lesson.id },
        props: {
          title: lesson.data.title,
          region: exercise.solution.region,
          recovery: Boolean(exercise.connectionStateRecovery),
          namespace: lesson.data.takeHome?.namespace,
        },
      },
    ];
  });
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params, props }) => {
  const slug = params.slug!;
  const files =
    ownProject(slug) ??
    (await takeHomeFiles({
      slug,
      title: props.title,
      server: shownServerCode(slug, props.region),
      names: lessonNames(slug),
      recovery: props.recovery,
      namespace: props.namespace,
    }));
  return new Response(JSON.stringify({ folder: `socket-workshop-${slug}`, files }), {
    headers: { 'content-type': 'application/json' },
  });
};
