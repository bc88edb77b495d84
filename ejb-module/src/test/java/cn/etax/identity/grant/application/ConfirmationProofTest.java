package cn.etax.identity.grant.application;

import cn.etax.identity.authentication.application.AuthenticatedPerson;
import cn.etax.identity.authentication.domain.AuthMethod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("PER-3: only the caller's own login by face spares the face check of a confirmation")
class ConfirmationProofTest {

    private static AuthenticatedPerson login(long personId, AuthMethod... methods) {
        return new AuthenticatedPerson(personId, "周晓明", 4, List.of(methods), Instant.EPOCH);
    }

    @Test
    void a_face_login_of_the_caller_counts() {
        assertThat(ConfirmationProof.loggedInByFace(7L, login(7L, AuthMethod.PASSWORD, AuthMethod.TAX_APP_FACE)))
                .isTrue();
        assertThat(ConfirmationProof.loggedInByFace(7L, login(7L, AuthMethod.PASSWORD, AuthMethod.IIT_APP)))
                .isTrue();
    }

    @Test
    void sms_certificate_no_record_or_another_persons_record_do_not() {
        assertThat(ConfirmationProof.loggedInByFace(7L, login(7L, AuthMethod.PASSWORD, AuthMethod.SMS_CODE)))
                .isFalse();
        assertThat(ConfirmationProof.loggedInByFace(7L, login(7L, AuthMethod.CERTIFICATE))).isFalse();
        assertThat(ConfirmationProof.loggedInByFace(7L, null)).isFalse();
        assertThat(ConfirmationProof.loggedInByFace(7L, login(8L, AuthMethod.PASSWORD, AuthMethod.TAX_APP_FACE)))
                .isFalse();
    }
}
