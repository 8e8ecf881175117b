/** Where the Bull Board UI and its JSON API are served. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/** The one user name of the board's HTTP Basic sign-in; the password is QUEUE_BOARD_PASSWORD. */
export const OPERATOR_USER = 'operator';
