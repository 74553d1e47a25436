/** Defects of the family: SCA flows (embedded, decoupled, multilevel, redirect). */
import type { DefectDescription } from '../types.js';

export const SCA = {
  'embedded-reported-as-redirect': {
    description: 'Embedded answers (initiation 201, start-authorisation 201, update 200) carry ASPSP-SCA-Approach: REDIRECT while their links are the embedded steps.',
    caughtBy: ['sca.approach-header'],
  },
  'no-select-authentication-method-link': {
    description: 'After the password of a PSU with several embedded SCA methods, the answer lists scaMethods but no selectAuthenticationMethod link.',
    caughtBy: ['links.required'],
  },
  'chosen-method-not-offered': {
    description: 'The chosenScaMethod of an embedded answer is a method (photo-otp) that the PSU was never offered.',
    caughtBy: ['sca.methods-shape'],
  },
  'otp-max-length-as-string': {
    description: 'challengeData.otpMaxLength is sent as the string "6" instead of an integer.',
    caughtBy: ['sca.methods-shape'],
  },
  'redirect-uri-ignored': {
    description: 'The SCA page sends the PSU back to a fixed registered address instead of the TPP-Redirect-URI (or TPP-Nok-Redirect-URI) of the request.',
    caughtBy: ['sca.redirect-uri-honoured'],
  },
  'decoupled-without-psu-message': {
    description: 'Decoupled answers that leave the PSU to confirm in the app carry no psuMessage telling them so.',
    caughtBy: ['sca.psu-message'],
  },
  'decoupled-never-finalises': {
    description: 'The PSU approves a decoupled authorisation in the app, but its scaStatus stays started for ever.',
    caughtBy: ['sca.status-final'],
  },
  'otp-accepted-twice': {
    description: 'The OTP of a finalised embedded authorisation is accepted a second time (200 finalised instead of 409).',
    caughtBy: ['sca.otp-single-use'],
  },
  'confirmation-skipped': {
    description: 'A high-value payment\'s redirect authorisation links confirmation and sends the PSU back with a confirmation code, but is already finalised when the PSU returns, before the TPP sent the code.',
    caughtBy: ['sca.confirmation-required'],
  },
} as const satisfies Record<string, DefectDescription>;
