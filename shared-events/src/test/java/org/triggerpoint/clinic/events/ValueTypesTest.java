package org.triggerpoint.clinic.events;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;
import org.triggerpoint.clinic.events.client.ClientDetails;
import org.triggerpoint.clinic.events.client.ClientId;
import org.triggerpoint.clinic.events.session.AmendmentId;
import org.triggerpoint.clinic.events.session.HoldDuration;
import org.triggerpoint.clinic.events.session.HoursAfterSession;
import org.triggerpoint.clinic.events.session.PainScore;
import org.triggerpoint.clinic.events.session.PressurePainThreshold;
import org.triggerpoint.clinic.events.session.RangeOfMotion;
import org.triggerpoint.clinic.events.session.SessionId;
import org.triggerpoint.clinic.events.session.Side;
import org.triggerpoint.clinic.events.session.SorenessSeverity;
import org.triggerpoint.clinic.events.session.TriggerPointId;
import org.triggerpoint.clinic.events.therapist.TherapistId;
import org.triggerpoint.clinic.events.user.Username;

import java.math.BigDecimal;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatNullPointerException;

/** Each clinical value accepts the ends of its scale and refuses the values just outside. */
class ValueTypesTest {

    @Nested
    class PainScores {

        @ParameterizedTest
        @ValueSource(ints = {0, 10})
        void theNumericPainRatingScaleRunsFromZeroToTen(int points) {
            assertThat(new PainScore(points).points()).isEqualTo(points);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 11})
        void aPainScoreOutsideTheScaleIsRefused(int points) {
            assertThatIllegalArgumentException().isThrownBy(() -> new PainScore(points));
        }

        @Test
        void painReductionIsPositiveWhenPainWentDown() {
            assertThat(new PainScore(7).reductionTo(new PainScore(3))).isEqualTo(4);
            assertThat(new PainScore(3).reductionTo(new PainScore(5))).isEqualTo(-2);
        }
    }

    @Nested
    class HoldDurations {

        @ParameterizedTest
        @ValueSource(ints = {1, 600})
        void aHoldLastsFromOneSecondToTenMinutes(int seconds) {
            assertThat(new HoldDuration(seconds).seconds()).isEqualTo(seconds);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, 601})
        void aHoldOutsideThatRangeIsRefused(int seconds) {
            assertThatIllegalArgumentException().isThrownBy(() -> new HoldDuration(seconds));
        }
    }

    @Nested
    class HoursAfterASession {

        @ParameterizedTest
        @ValueSource(ints = {0, 168})
        void sorenessIsReportedFromTheSessionToAWeekAfter(int hours) {
            assertThat(new HoursAfterSession(hours).hours()).isEqualTo(hours);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 169})
        void hoursOutsideThatWeekAreRefused(int hours) {
            assertThatIllegalArgumentException().isThrownBy(() -> new HoursAfterSession(hours));
        }
    }

    @Nested
    class SorenessSeverities {

        @ParameterizedTest
        @ValueSource(ints = {0, 10})
        void severityRunsFromNoneToTen(int points) {
            assertThat(new SorenessSeverity(points).points()).isEqualTo(points);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 11})
        void aSeverityOutsideTheScaleIsRefused(int points) {
            assertThatIllegalArgumentException().isThrownBy(() -> new SorenessSeverity(points));
        }
    }

    @Nested
    class PressurePainThresholds {

        @ParameterizedTest
        @ValueSource(strings = {"0", "0.0", "20", "20.00"})
        void anAlgometerReadingRunsFromZeroToTwentyKilogramsPerSquareCentimetre(String kg) {
            assertThat(new PressurePainThreshold(new BigDecimal(kg)).kgPerSquareCentimetre())
                    .isEqualByComparingTo(kg);
        }

        @ParameterizedTest
        @ValueSource(strings = {"-0.01", "20.01"})
        void aReadingOutsideThatRangeIsRefused(String kg) {
            assertThatIllegalArgumentException().isThrownBy(() -> new PressurePainThreshold(new BigDecimal(kg)));
        }

        @Test
        void aMissingReadingIsRefusedButAnOptionalOneMayBeAbsent() {
            assertThatNullPointerException().isThrownBy(() -> new PressurePainThreshold(null));
            assertThat(PressurePainThreshold.ofNullable(null)).isNull();
        }
    }

    @Nested
    class RangesOfMotion {

        @ParameterizedTest
        @ValueSource(ints = {0, 360})
        void rangeOfMotionRunsFromZeroToAFullTurn(int degrees) {
            assertThat(new RangeOfMotion("cervical spine", "rotation", Side.LEFT, degrees, true).degrees())
                    .isEqualTo(degrees);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 361})
        void degreesOutsideAFullTurnAreRefused(int degrees) {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> new RangeOfMotion("cervical spine", "rotation", Side.LEFT, degrees, true));
        }

        @Test
        void aMeasurementNamesItsJointAndMovement() {
            assertThatNullPointerException().isThrownBy(() -> new RangeOfMotion(null, "rotation", Side.LEFT, 60, true));
            assertThatNullPointerException()
                    .isThrownBy(() -> new RangeOfMotion("cervical spine", null, Side.LEFT, 60, true));
        }
    }

    @Nested
    class Usernames {

        @ParameterizedTest
        @ValueSource(strings = {"ada", "admin", "grace.hopper", "j-travell_2"})
        void aUsernameIsLowerCaseLettersDigitsDotsDashesAndUnderscoresStartingWithALetter(String name) {
            assertThat(new Username(name).value()).isEqualTo(name);
        }

        @Test
        void aUsernameIsThreeToSixtyFourCharactersLong() {
            assertThat(new Username("a" + "b".repeat(63)).value()).hasSize(64);
            assertThatIllegalArgumentException().isThrownBy(() -> new Username("a" + "b".repeat(64)));
            assertThatIllegalArgumentException().isThrownBy(() -> new Username("ab"));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {"Ada", "2ada", ".ada", "ada lovelace", "ada@clinic", "ada\n"})
        void anythingElseIsRefused(String name) {
            assertThatIllegalArgumentException().isThrownBy(() -> new Username(name));
        }
    }

    @Nested
    class FreeTexts {

        @Test
        void freeTextHoldsUpToTenThousandCharacters() {
            String longest = "x".repeat(FreeText.MAX_LENGTH);
            assertThat(new FreeText(longest).text()).hasSize(10_000);
            assertThat(new FreeText("").text()).isEmpty();
        }

        @Test
        void longerTextIsRefused() {
            assertThatIllegalArgumentException().isThrownBy(() -> new FreeText("x".repeat(FreeText.MAX_LENGTH + 1)));
        }

        @Test
        void freeTextIsNeverNullButAnOptionalOneMayBeAbsent() {
            assertThatIllegalArgumentException().isThrownBy(() -> new FreeText(null));
            assertThat(FreeText.ofNullable(null)).isNull();
        }
    }

    @Nested
    class ClientDetailsValues {

        private static final LocalDate BORN = LocalDate.of(1980, 5, 17);

        @Test
        void aClientHasAGivenNameAFamilyNameAndABirthDateWhileContactsAreOptional() {
            assertThat(new ClientDetails("Ada", "Lovelace", BORN, null, null).familyName()).isEqualTo("Lovelace");
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t"})
        void aBlankGivenNameIsRefused(String givenName) {
            assertThatIllegalArgumentException().isThrownBy(() -> new ClientDetails(givenName, "Lovelace", BORN, null, null));
        }

        @ParameterizedTest
        @NullAndEmptySource
        @ValueSource(strings = {" ", "\t"})
        void aBlankFamilyNameIsRefused(String familyName) {
            assertThatIllegalArgumentException().isThrownBy(() -> new ClientDetails("Ada", familyName, BORN, null, null));
        }

        @Test
        void aMissingBirthDateIsRefused() {
            assertThatNullPointerException().isThrownBy(() -> new ClientDetails("Ada", "Lovelace", null, null, null));
        }
    }

    @Nested
    class TypedIds {

        @Test
        void anIdAlwaysHoldsAUuid() {
            assertThatNullPointerException().isThrownBy(() -> new ClientId(null));
            assertThatNullPointerException().isThrownBy(() -> new TherapistId(null));
            assertThatNullPointerException().isThrownBy(() -> new SessionId(null));
            assertThatNullPointerException().isThrownBy(() -> new TriggerPointId(null));
            assertThatNullPointerException().isThrownBy(() -> new AmendmentId(null));
        }

        @Test
        void anIdReadsAsItsBareUuid() {
            String uuid = "0195a3c0-0000-7000-8000-00000000c001";
            assertThat(ClientId.of(uuid)).hasToString(uuid);
            assertThat(SessionId.of(uuid)).hasToString(uuid);
        }
    }
}
