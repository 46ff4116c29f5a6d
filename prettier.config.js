// Prettier formats only the Svelte components (Biome formats everything else; see eslint.config.js for
// why Biome does not format .svelte). The settings repeat biome.json's so both write one style.
export default {
  plugins: ['prettier-plugin-svelte'],
  printWidth: 110,
  tabWidth: 2,
  useTabs: false,
  semi: true,
  singleQuote: true,
  trailingComma: 'all',
  overrides: [{ files: '*.svelte', options: { parser: 'svelte' } }],
};
