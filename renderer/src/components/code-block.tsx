import ContentCopyOutlined from '@mui/icons-material/ContentCopyOutlined';
import Box from '@mui/material/Box';
import Button from '@mui/material/Button';
import Stack from '@mui/material/Stack';
import Typography from '@mui/material/Typography';
import { useEffect, useRef, useState } from 'react';
import { monospaceFont } from '../theme/theme';

interface CodeBlockProps {
  /** Names the block for assistive technology and the copy button ("Copy IAM policy"). */
  label: string;
  text: string;
  maxHeight?: number | string;
  testId?: string;
}

type CopyState = { kind: 'idle' } | { kind: 'copied' } | { kind: 'selected'; reason: string };

/**
 * Read-only text a user copies elsewhere (a policy, a template, a response body). Copy uses the
 * async clipboard API; where that is refused (Electron permissions, an unfocused window) the text
 * is selected instead so Ctrl+C / ⌘C copies it, and the user is told so.
 */
export function CodeBlock({ label, text, maxHeight = 360, testId }: CodeBlockProps) {
  const preRef = useRef<HTMLPreElement>(null);
  const [copy, setCopy] = useState<CopyState>({ kind: 'idle' });

  useEffect(() => {
    if (copy.kind !== 'copied') return;
    const timer = setTimeout(() => setCopy({ kind: 'idle' }), 2500);
    return () => clearTimeout(timer);
  }, [copy]);

  const selectText = () => {
    const pre = preRef.current;
    const selection = window.getSelection();
    if (!pre || !selection) return;
    pre.focus();
    selection.selectAllChildren(pre);
  };

  const copyText = async () => {
    try {
      if (!navigator.clipboard) throw new Error('this window has no clipboard access');
      await navigator.clipboard.writeText(text);
      setCopy({ kind: 'copied' });
    } catch (err) {
      selectText();
      setCopy({ kind: 'selected', reason: err instanceof Error ? err.message : String(err) });
    }
  };

  return (
    <Box>
      <Box
        component="pre"
        ref={preRef}
        tabIndex={0}
        aria-label={label}
        data-testid={testId}
        sx={{
          m: 0,
          p: 1.5,
          maxHeight,
          overflow: 'auto',
          fontFamily: monospaceFont,
          fontSize: '0.78rem',
          lineHeight: 1.55,
          whiteSpace: 'pre-wrap',
          overflowWrap: 'anywhere',
          bgcolor: 'action.hover',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          '&:focus-visible': { outline: 2, outlineColor: 'primary.main', outlineStyle: 'solid' },
        }}
      >
        {text}
      </Box>
      <Stack direction="row" spacing={1} sx={{ mt: 0.75, alignItems: 'center' }}>
        <Button
          size="small"
          startIcon={<ContentCopyOutlined fontSize="small" />}
          onClick={() => void copyText()}
          aria-label={`Copy ${label}`}
        >
          {copy.kind === 'copied' ? 'Copied' : 'Copy'}
        </Button>
        <Button size="small" color="inherit" onClick={selectText} aria-label={`Select ${label}`}>
          Select all
        </Button>
        <Typography
          variant="caption"
          role="status"
          sx={{ color: copy.kind === 'selected' ? 'warning.main' : 'text.secondary' }}
        >
          {copy.kind === 'copied'
            ? 'Copied to the clipboard.'
            : copy.kind === 'selected'
              ? `The clipboard is not available here (${copy.reason}). The text is selected: press Ctrl+C (⌘C on a Mac) to copy it.`
              : ''}
        </Typography>
      </Stack>
    </Box>
  );
}
