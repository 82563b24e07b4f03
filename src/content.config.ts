import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';

/** The five source tutorials in `shared/seeds/`, by number. */
const seed = z.enum(['000', '001', '002', '003', '004']);

const lessons = defineCollection({
  loader: glob({ pattern: '*.mdx', base: './src/lessons' }),
  schema: z.object({
    title: z.string().min(1),
    /** Position in the course: 1 is first. */
    order: z.number().int().positive(),
    /** One or two sentences for the lesson list. */
    summary: z.string().min(1).max(240),
    /** The seeds this lesson draws on. */
    seeds: z.array(seed).default([]),
    /** The folder in `src/components/demos/` whose `Demo.astro` the page embeds. */
    demo: z.string().optional(),
  }),
});

export const collections = { lessons };
