/** Tool and ruleset versions recorded on every run and in every audit package. */
export const TOOL_NAME = 'PHI Audit Desk';
export const TOOL_VERSION = '0.1.0';
