import SvgIcon from '@mui/material/SvgIcon';

/** The app's mark: a shield with a check (same drawing as public/favicon.svg). */
export function ProductMark() {
  return (
    <SvgIcon viewBox="0 0 32 32" sx={{ fontSize: 24 }} aria-hidden>
      <path
        fill="currentColor"
        opacity="0.9"
        d="M16 2 4 6.5v8.2c0 7.4 5.1 13.5 12 15.3 6.9-1.8 12-7.9 12-15.3V6.5z"
      />
      <path
        fill="none"
        stroke="#163a56"
        strokeWidth="2.6"
        strokeLinecap="round"
        strokeLinejoin="round"
        d="m10.5 16.2 3.8 3.8 7.4-7.6"
      />
    </SvgIcon>
  );
}
