import type { FastifyInstance } from 'fastify';

// Placeholder: being written in this session.
export default async function placeholder(_app: FastifyInstance) {}
