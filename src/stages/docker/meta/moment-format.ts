import type { Dayjs } from 'dayjs';

/**
 * moment's format tokens (metadata-action formats `{{date}}` and `{{commit_date}}` with moment-timezone),
 * on a dayjs date. dayjs reads several of them otherwise (`DDDD` as `DD` twice, `Mo` as a month and an `o`)
 * or not at all (`E`, `L`), so the format is split as moment splits it and each token is rendered here;
 * the ones dayjs renders as moment does are passed to it. `d` is `instant` already in the time zone `zone`.
 */
export function formatMoment(d: Dayjs, instant: Date, format: string, zone: string): string {
  return expandLocalized(format).replace(TOKEN, (token) => render(d, instant, token, zone));
}

// moment's English (default locale) long date formats, expanded before the rest as moment does.
const LOCALIZED: Record<string, string> = {
  LTS: 'h:mm:ss A',
  LT: 'h:mm A',
  L: 'MM/DD/YYYY',
  LL: 'MMMM D, YYYY',
  LLL: 'MMMM D, YYYY h:mm A',
  LLLL: 'dddd, MMMM D, YYYY h:mm A',
  l: 'M/D/YYYY',
  ll: 'MMM D, YYYY',
  lll: 'MMM D, YYYY h:mm A',
  llll: 'ddd, MMM D, YYYY h:mm A',
};
const LOCALIZED_TOKEN = /\[[^[]*\]|\\.|LTS|LT|L{1,4}|l{1,4}/g;

const expandLocalized = (format: string): string => format.replace(LOCALIZED_TOKEN, (t) => LOCALIZED[t] ?? t);

// moment's tokenizer: a [literal], an escaped character, the longest token at this place, or one character.
const TOKEN =
  /\[[^[]*\]|\\.|[Hh]mm(?:ss)?|Mo|M{1,4}|Do|DDDo|D{1,4}|do|d{1,4}|w[ow]?|W[oW]?|Qo?|N{1,5}|YYYYYY|YYYYY|YYYY|YY|Y|y{2,4}|yo?|gg(?:ggg?)?|GG(?:GGG?)?|[eEaA]|hh?|HH?|kk?|mm?|ss?|S{1,9}|[xX]|zz?|ZZ?|[\s\S]/g;

/** Tokens dayjs (with advancedFormat and the week plugins) renders exactly as moment does. */
const DAYJS_SAME = new Set(
  'M MM MMM MMMM D DD Do d dd ddd dddd w ww W WW Q YY YYYY gggg GGGG a A h hh H HH hmm hmmss Hmm Hmmss k kk m mm s ss Z ZZ'.split(
    ' ',
  ),
);

function render(d: Dayjs, instant: Date, token: string, zone: string): string {
  if (token.startsWith('[')) return token.slice(1, -1);
  if (token.startsWith('\\')) return token.slice(1);
  if (DAYJS_SAME.has(token)) return d.format(token);
  const year = d.year();
  switch (token) {
    // From the instant: a dayjs date moved into a zone by tz() counts its offset into its timestamp.
    case 'X':
      return String(Math.floor(instant.getTime() / 1000));
    case 'x':
      return String(instant.getTime());
    case 'DDD':
      return String(d.dayOfYear());
    case 'DDDD':
      return String(d.dayOfYear()).padStart(3, '0');
    case 'DDDo':
      return ordinal(d.dayOfYear());
    case 'Mo':
      return ordinal(d.month() + 1);
    case 'Qo':
      return ordinal(Math.floor(d.month() / 3) + 1);
    case 'Wo':
      return ordinal(d.isoWeek());
    case 'wo':
      return ordinal(d.week());
    case 'do':
      return ordinal(d.day());
    // The locale's weekday (English weeks start on Sunday) and the ISO one (Monday 1 … Sunday 7).
    case 'e':
      return String(d.day());
    case 'E':
      return String(d.isoWeekday());
    case 'Y':
      return year > 9999 ? `+${year}` : String(year);
    case 'YYYYY':
      return String(year).padStart(5, '0');
    case 'YYYYYY':
      return `${year < 0 ? '-' : '+'}${String(Math.abs(year)).padStart(6, '0')}`;
    case 'y':
    case 'yy':
    case 'yyy':
    case 'yyyy':
      return String(year > 0 ? year : 1 - year);
    case 'yo':
      return ordinal(year > 0 ? year : 1 - year);
    case 'N':
    case 'NN':
    case 'NNN':
    case 'NNNNN':
      return year > 0 ? 'AD' : 'BC';
    case 'NNNN':
      return year > 0 ? 'Anno Domini' : 'Before Christ';
    case 'gg':
      return d.format('gggg').slice(-2);
    case 'GG':
      return d.format('GGGG').slice(-2);
    case 'z':
    case 'zz':
      // moment says UTC; elsewhere dayjs asks Intl, which knows fewer abbreviations than moment's
      // tz database (GMT+1 where moment says CET).
      return zone === 'UTC' ? 'UTC' : d.format('z');
    default:
      if (/^S{1,9}$/.test(token)) return String(d.millisecond()).padStart(3, '0').padEnd(9, '0').slice(0, token.length);
      return token;
  }
}

/** moment's English ordinal: 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st. */
function ordinal(n: number): string {
  const teen = Math.floor((n % 100) / 10) === 1;
  const last = n % 10;
  return `${n}${teen ? 'th' : last === 1 ? 'st' : last === 2 ? 'nd' : last === 3 ? 'rd' : 'th'}`;
}
