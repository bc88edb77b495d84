package cn.etax.identity.taxpayer.application;

import cn.etax.identity.taxpayer.domain.NonResidentApplication;

import java.io.Serializable;
import java.time.Instant;

/**
 * LOGIN-5: a non-resident enterprise application as its applicant and the tax officer see it; {@code applicant} is
 * the applicant's name masked, {@code identityCode} is set once approved, {@code rejectionReason} once rejected.
 */
public record NonResidentView(long id, String enterpriseName, String country, String registrationNumber,
                              String address, NonResidentApplication.State state, Instant submittedAt,
                              Instant decidedAt, String identityCode, String rejectionReason, String applicant)
        implements Serializable {

    static NonResidentView of(NonResidentApplication a, String applicantMasked) {
        return new NonResidentView(a.id(), a.enterpriseName(), a.country(), a.registrationNumber(), a.address(),
                a.state(), a.submittedAt(), a.decidedAt(), a.identityCode(), a.rejectionReason(), applicantMasked);
    }
}
