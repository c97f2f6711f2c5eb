/**
 * A start-up problem the user can fix (port in use, Java missing, bad setting). Entry points print its
 * message as one line and exit non-zero instead of showing a stack trace.
 */
export class StartupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StartupError';
  }
}
