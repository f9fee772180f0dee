/** A failure the user can fix: commands print its message without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}

/** The code of a system error (ENOENT, EACCES …), or undefined for anything else that was thrown. */
export function errorCode(error: unknown): string | undefined {
  return error instanceof Error && 'code' in error && typeof error.code === 'string' ? error.code : undefined;
}

/** What went wrong, in a word where there is one: a system error's code, else the message. */
export function errorText(error: unknown): string {
  return errorCode(error) ?? (error instanceof Error ? error.message : String(error));
}
