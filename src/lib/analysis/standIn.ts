// An area counted through its aggregate report (sql/counted.ts standInAreasSql): the aggregate's
// figure, and beside it the members' reports that did come in.
export interface StandInArea {
  agency_id: string;
  name: string;
  year: number;
  value: number | null;
  /** non-aggregate agencies registered below it */
  members: number;
  members_reported: number;
  members_value: number | null;
}
