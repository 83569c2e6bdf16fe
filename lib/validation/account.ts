// The account page's own settings.
import { z } from "zod";
import { isSupportedTimeZone } from "@/lib/domain/time-zone";

export const timeZoneSchema = z.object({
  timeZone: z
    .string("Choose a time zone")
    .trim()
    .min(1, "Choose a time zone")
    .max(64, "Choose a time zone from the list")
    .refine(isSupportedTimeZone, "Choose a time zone from the list"),
});

export type TimeZoneInput = z.infer<typeof timeZoneSchema>;
