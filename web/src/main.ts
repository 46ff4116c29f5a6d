import './early.ts';
import { mount } from 'svelte';
import App from './App.svelte';
import './app.css';
import { initLang } from './lib/i18n/i18n.svelte.ts';
import { startRouter } from './lib/router/router.svelte.ts';

initLang();
startRouter();
const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
mount(App, { target });
