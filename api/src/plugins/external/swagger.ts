import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fp from 'fastify-plugin';
import { SESSION_COOKIE } from '../../services/session-token.ts';

export default fp(async (app) => {
  await app.register(swagger, {
    openapi: {
      info: {
        title: 'Artifact Stories API',
        description: 'Catalogue, search and media of the Museum of Cultures of Vietnamese Ethnic Groups',
        version: '0.1.0',
      },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
    },
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
});
