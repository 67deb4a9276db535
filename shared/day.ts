/**
 * The one definition of "a day" in the atlas: the calendar day in China (Asia/Shanghai, UTC+8, no
 * daylight saving), the plan's own time zone. The status timeline, the exported files' names and
 * the date printed on a picture all use it, so a change made at 07:00 in Tianjin is on the same
 * day everywhere, whatever the viewer's or the server's clock says.
 */

export const PLAN_TIME_ZONE = 'Asia/Shanghai';
const OFFSET = '+08:00';

const format = new Intl.DateTimeFormat('en-CA', { timeZone: PLAN_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });

/** The day (YYYY-MM-DD) in China of an instant; now by default. */
export const planDay = (at: Date | string = new Date()): string => format.format(typeof at === 'string' ? new Date(at) : at);

/** The last millisecond of a day (YYYY-MM-DD) in China, as epoch milliseconds. */
export const endOfPlanDay = (day: string): number => Date.parse(`${day}T23:59:59.999${OFFSET}`);
