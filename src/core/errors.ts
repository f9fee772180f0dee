/** A failure the user can fix: commands print its message without a stack trace. */
export class UserError extends Error {
  override name = 'UserError';
}
