/** A person's feed address, for the API and My settings alike. */
export const calendarUrl = (appUrl: string, userId: string, token: string): string =>
  `${appUrl}/api/calendar/${userId}/${token}.ics`;
