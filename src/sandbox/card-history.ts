/** Card transactions of the reference bank's card accounts, dated in days before today. */

export interface CardTemplate {
  daysAgo: number;
  /** Amount in the card currency, negative for purchases. */
  cents: number;
  merchant: string;
  townName: string;
  country: string;
  /** ISO 18245 merchant category code. */
  mcc: string;
  /** Local time of the purchase, HH:MM. */
  time: string;
  pending?: boolean;
  /** The amount in the merchant's currency when it differs from the card currency. */
  original?: { currency: string; cents: number };
}

const c = (
  daysAgo: number,
  cents: number,
  merchant: string,
  townName: string,
  country: string,
  mcc: string,
  time: string,
  extra: Partial<CardTemplate> = {},
): CardTemplate => ({ daysAgo, cents, merchant, townName, country, mcc, time, ...extra });

export const CARD_HISTORIES: Readonly<Record<string, readonly CardTemplate[]>> = {
  'card-alice-visa': [
    c(58, -8_990, 'Rail Europe Tickets', 'Paris', 'FR', '4112', '08:14'),
    c(51, -14_500, 'Hotel Am Hafen', 'Hamburg', 'DE', '7011', '21:40'),
    c(44, -2_350, 'Buchhaus Lesezeit', 'Berlin', 'DE', '5942', '12:05'),
    c(39, -6_120, 'Trattoria Roma', 'Roma', 'IT', '5812', '20:31'),
    c(33, -4_599, 'Streaming Plus', 'Amsterdam', 'NL', '4899', '00:02'),
    c(26, -18_744, 'Skyline Hotels', 'New York', 'US', '7011', '18:22', { original: { currency: 'USD', cents: -20_300 } }),
    c(25, -3_190, 'Metro Card NYC', 'New York', 'US', '4111', '09:10', { original: { currency: 'USD', cents: -3_450 } }),
    c(19, -1_280, 'Cafe Mitte', 'Berlin', 'DE', '5814', '08:47'),
    c(12, -7_450, 'Elektro Schmidt', 'Berlin', 'DE', '5732', '16:55'),
    c(6, -4_599, 'Streaming Plus', 'Amsterdam', 'NL', '4899', '00:03'),
    c(2, -2_990, 'Kino Delphi', 'Berlin', 'DE', '7832', '19:45', { pending: true }),
    c(0, -1_150, 'Cafe Mitte', 'Berlin', 'DE', '5814', '09:12', { pending: true }),
  ],
  'card-bob-master': [
    c(40, -5_500, 'Tankstelle Nord', 'Hamburg', 'DE', '5541', '07:30'),
    c(28, -2_199, 'Sportartikel Kuehn', 'Hamburg', 'DE', '5941', '17:02'),
    c(15, -3_800, 'Pizzeria Napoli', 'Hamburg', 'DE', '5812', '20:15'),
    c(3, -990, 'Kiosk am Markt', 'Hamburg', 'DE', '5994', '11:11', { pending: true }),
  ],
};
