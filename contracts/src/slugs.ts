/**
 * A slug names an artifact, a group or a category in URLs: lowercase letters and digits, in words joined by
 * single hyphens ("khen-hmong-cua-nghe-nhan"). The api's schema, the web's router and form, the reach pages and the
 * fixture checks all use this one pattern. (`slugify` lives in text.ts: the router needs the pattern at
 * once, the form's proposal only on the staff pages.)
 */
export const SLUG_WORDS = '[a-z0-9]+(?:-[a-z0-9]+)*';
export const SLUG_PATTERN = new RegExp(`^${SLUG_WORDS}$`);
export const SLUG_MAX_LENGTH = 80;
