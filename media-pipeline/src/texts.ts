/**
 * One message in both languages of the site. Staff screens are Vietnamese first; the English text is also
 * the Error's message, for the CLI and the logs.
 */
export interface Texts {
  vi: string;
  en: string;
}

/** Vietnamese writes decimals with a comma: 2,5 giây. */
export const viDecimal = (text: string): string => text.replace('.', ',');
