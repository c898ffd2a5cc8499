import Box from '@mui/material/Box';
import FormControlLabel from '@mui/material/FormControlLabel';
import Radio from '@mui/material/Radio';
import Typography from '@mui/material/Typography';
import type { ReactNode } from 'react';

interface DescribedRadioProps<V extends string> {
  value: V;
  title: string;
  /** What choosing it means, under the title. */
  children: ReactNode;
}

/**
 * One choice of a RadioGroup: a bold title and a sentence under it, the radio aligned with the title.
 * `DescribedRadio<Kind>` keeps a group's values to its own type.
 */
export function DescribedRadio<V extends string>({ value, title, children }: DescribedRadioProps<V>) {
  return (
    <FormControlLabel
      value={value}
      control={<Radio size="small" />}
      sx={{ alignItems: 'flex-start', m: 0, '& .MuiRadio-root': { mt: -0.5 } }}
      label={
        <Box>
          <Typography variant="body2" sx={{ fontWeight: 600 }}>
            {title}
          </Typography>
          <Typography variant="body2" sx={{ color: 'text.secondary' }}>
            {children}
          </Typography>
        </Box>
      }
    />
  );
}
