/** Where the Bull Board UI and its JSON API are served. */
export const QUEUE_BOARD_PATH = '/admin/queues';

/** Holds an admin's access token for the board: browsers cannot send a Bearer header. */
export const QUEUE_BOARD_COOKIE = 'ft_queue_board';
