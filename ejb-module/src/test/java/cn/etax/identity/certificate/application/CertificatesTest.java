package cn.etax.identity.certificate.application;

import cn.etax.identity.connector.api.CertificateInfo;
import cn.etax.identity.connector.api.CertificateRejectedException;
import cn.etax.identity.connector.api.PinIncorrectException;
import cn.etax.identity.connector.api.TokenException;
import cn.etax.identity.connector.api.TokenLockedException;
import cn.etax.identity.connector.api.UnknownTokenException;
import cn.etax.identity.shared.AccountLockedException;
import cn.etax.identity.shared.AuthenticationFailedException;
import cn.etax.identity.shared.DomainException;
import cn.etax.identity.shared.InvalidInputException;
import cn.etax.identity.shared.NotFoundException;
import cn.etax.identity.shared.ServiceBusyException;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** §9, LOGIN-6: what the platform says for each answer of the certificate connector. */
class CertificatesTest {

    @Test
    void everyRefusalHasItsOwnCodeAndKind() {
        assertRefusal(new PinIncorrectException("demo-sm2", 4), AuthenticationFailedException.class, "CERTIFICATE_PIN_INCORRECT");
        assertThat(Certificates.refusal(new PinIncorrectException("demo-sm2", 4)).arguments()).containsExactly(4);
        assertRefusal(new TokenLockedException("demo-sm2"), AccountLockedException.class, "CERTIFICATE_LOCKED");
        assertRefusal(new UnknownTokenException("ukey-1"), NotFoundException.class, "CERTIFICATE_TOKEN_NOT_FOUND");
        assertRefusal(rejected(CertificateRejectedException.Reason.EXPIRED), InvalidInputException.class, "CERTIFICATE_EXPIRED");
        assertRefusal(rejected(CertificateRejectedException.Reason.NOT_YET_VALID), InvalidInputException.class, "CERTIFICATE_NOT_YET_VALID");
        assertRefusal(rejected(CertificateRejectedException.Reason.REVOKED), InvalidInputException.class, "CERTIFICATE_REVOKED");
        assertRefusal(rejected(CertificateRejectedException.Reason.UNTRUSTED), InvalidInputException.class, "CERTIFICATE_UNTRUSTED");
        assertRefusal(rejected(CertificateRejectedException.Reason.MALFORMED), InvalidInputException.class, "CERTIFICATE_MALFORMED");
        assertRefusal(rejected(CertificateRejectedException.Reason.NOT_FOR_SIGNING), InvalidInputException.class, "CERTIFICATE_NOT_FOR_SIGNING");
        assertRefusal(rejected(CertificateRejectedException.Reason.REVOCATION_UNKNOWN), ServiceBusyException.class, "CERTIFICATE_REVOCATION_UNKNOWN");
        assertRefusal(new TokenException("CKR_DEVICE_REMOVED"), ServiceBusyException.class, "CERTIFICATE_SERVICE_UNAVAILABLE");
    }

    @Test
    void theHolderIsReadFromTheSubjectAndTheIssuerByName() {
        CertificateInfo info = new CertificateInfo("C=CN,O=福州示例科技有限公司,SERIALNUMBER=91350100M000100Y43,CN=福州示例科技有限公司",
                "C=CN,O=国家税务总局（演示）,CN=税务数字证书演示根CA（SM2）", "7F01", "SM2",
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2028-01-01T00:00:00Z"), new byte[] {1});
        CertificateHolder holder = Certificates.holder(info);
        assertThat(holder.holder()).isEqualTo("福州示例科技有限公司");
        assertThat(holder.creditCode()).isEqualTo("91350100M000100Y43");
        assertThat(holder.issuer()).isEqualTo("税务数字证书演示根CA（SM2）");
        assertThat(holder.algorithm()).isEqualTo("SM2");
        assertThat(Certificates.holder(new CertificateInfo("CN=A\\, Ltd", "O=x", "01", "EC", Instant.EPOCH, Instant.EPOCH, new byte[0])))
                .satisfies(h -> {
                    assertThat(h.holder()).isEqualTo("A, Ltd");
                    assertThat(h.issuer()).isEqualTo("O=x");
                    assertThat(h.algorithm()).isEqualTo("ECDSA");
                    assertThat(h.creditCode()).isNull();
                });
    }

    private static CertificateRejectedException rejected(CertificateRejectedException.Reason reason) {
        return new CertificateRejectedException(reason, "test");
    }

    private static void assertRefusal(TokenException e, Class<? extends DomainException> kind, String code) {
        DomainException refusal = Certificates.refusal(e);
        assertThat(refusal).isInstanceOf(kind);
        assertThat(refusal.code()).isEqualTo(code);
    }
}
