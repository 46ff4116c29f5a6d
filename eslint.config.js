// ESLint lints only what Biome cannot: the Svelte components (script and markup together).
// Biome 2.6 parses .svelte files, but its formatter changes markup whitespace (and so the compiled
// component) and its HTML accessibility rules neither match Svelte's own nor honour `svelte-ignore`;
// Svelte's compiler, which svelte-check already runs, stays the one judge of accessibility.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import svelte from 'eslint-plugin-svelte';
import ts from 'typescript-eslint';

export default defineConfig({
  files: ['web/**/*.svelte'],
  extends: [js.configs.recommended, ts.configs.recommended, svelte.configs.recommended],
  languageOptions: { parserOptions: { parser: ts.parser, extraFileExtensions: ['.svelte'] } },
  rules: {
    // typescript-eslint's list of core rules that the TypeScript compiler (svelte-check) already enforces;
    // it is scoped to *.ts files, so it is applied to the components here.
    ...ts.configs.eslintRecommended.rules,
    // Svelte's version knows that `let { a } = $props()` and `let b = $derived(...)` are the idiom.
    'prefer-const': 'off',
    'svelte/prefer-const': 'error',
    // Biome's noDoubleEquals, which lints every other file.
    eqeqeq: ['error', 'always', { null: 'ignore' }],
    // A string in braces is how a space survives at the edge of a block: Svelte trims bare text there
    // ({#if detail}{' · '}{detail}{/if}), so these mustaches are not useless.
    'svelte/no-useless-mustaches': 'off',
  },
});
