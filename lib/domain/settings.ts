/** Keys of the AppSetting table. */
export const CATALOGUE_NOTICE_KEY = "catalogue.notice";
