import Autocomplete from '@mui/material/Autocomplete';
import TextField from '@mui/material/TextField';
import { useState, type ReactNode } from 'react';

interface ChipInputProps {
  id: string;
  label: string;
  value: string[];
  onChange(value: string[]): void;
  suggestions?: readonly string[];
  /** Heading for a suggestion (suggestions must be sorted by it). */
  groupOf?: (suggestion: string) => string;
  placeholder?: string;
  helperText?: ReactNode;
  /** A validation message; shown instead of the helper text. */
  error?: string | null;
  /** Lower-case entries (region names, tag keys are case-insensitive in practice). */
  lowercase?: boolean;
}

function unique(values: string[]): string[] {
  return [...new Set(values)];
}

/**
 * A list of short values as chips. Type and press Enter, comma or space to add; pick from the
 * suggestions; paste a comma-separated list. Text still in the box when it loses focus is added
 * too, so nothing typed is silently dropped.
 */
export function ChipInput({
  id,
  label,
  value,
  onChange,
  suggestions = [],
  groupOf,
  placeholder,
  helperText,
  error,
  lowercase,
}: ChipInputProps) {
  const [text, setText] = useState('');
  const normalize = (s: string) => (lowercase ? s.trim().toLowerCase() : s.trim());

  const commit = (raw: string) => {
    const parts = raw
      .split(/[\s,;]+/)
      .map(normalize)
      .filter(Boolean);
    setText('');
    if (parts.length > 0) onChange(unique([...value, ...parts]));
  };

  return (
    <Autocomplete
      id={id}
      multiple
      freeSolo
      filterSelectedOptions
      options={suggestions}
      {...(groupOf ? { groupBy: groupOf } : {})}
      value={value}
      inputValue={text}
      onChange={(_event, next) => onChange(unique(next.map(normalize).filter(Boolean)))}
      onInputChange={(_event, next, reason) => {
        if (reason === 'input' && /[\s,;]/.test(next)) commit(next);
        else setText(next);
      }}
      onBlur={() => commit(text)}
      renderInput={(params) => (
        <TextField
          {...params}
          label={label}
          placeholder={value.length === 0 ? placeholder : undefined}
          error={Boolean(error)}
          helperText={error ?? helperText}
        />
      )}
    />
  );
}
