package cn.etax.identity.crossregion.application;

import cn.etax.identity.crossregion.domain.CrossRegionKind;
import cn.etax.identity.crossregion.domain.CrossRegionSubject;

import java.io.Serializable;
import java.time.LocalDate;

/** LOGIN-4: one subject of the query page (报验信息 / 跨区税源登记信息查询), to 【进入】. */
public record SubjectOption(long subjectId, CrossRegionKind kind, String number, String region,
                            String taxAuthority, LocalDate validFrom, LocalDate validUntil) implements Serializable {

    static SubjectOption of(CrossRegionSubject s) {
        return new SubjectOption(s.id(), s.kind(), s.number(), s.place().region(), s.place().taxAuthority(),
                s.validFrom(), s.validUntil());
    }
}
