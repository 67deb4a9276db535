/** The phone layout's breakpoint: the same width as the phone block at the end of styles.css. */
export const PHONE_QUERY = '(max-width: 700px)';

export const isPhone = () => typeof window !== 'undefined' && window.matchMedia(PHONE_QUERY).matches;
