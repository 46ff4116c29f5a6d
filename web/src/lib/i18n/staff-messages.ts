// Imported by every staff page: their words arrive with their code, not with a visitor's first page.
import { addStaffMessages } from './i18n.svelte.ts';
import { staffEn } from './staff-en.ts';
import { staffVi } from './staff-vi.ts';

addStaffMessages({ vi: staffVi, en: staffEn });
