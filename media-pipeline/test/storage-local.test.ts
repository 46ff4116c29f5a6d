import { rm } from 'node:fs/promises';
import { afterAll } from 'vitest';
import { LocalStore } from '../src/storage/local.ts';
import { freshDir, storageContract } from './storage-contract.ts';

const root = await freshDir('store-local');
afterAll(() => rm(root, { recursive: true, force: true }));

storageContract('local folder', () => new LocalStore(root));
