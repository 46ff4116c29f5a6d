import { Category } from '@artifact-stories/contracts/schemas';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const categories: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/',
    {
      schema: {
        tags: ['Categories'],
        summary: 'Artifact categories with published-artifact counts',
        response: { 200: Type.Array(Category) },
      },
    },
    async () => app.catalogue.categories(),
  );
};

export default categories;
