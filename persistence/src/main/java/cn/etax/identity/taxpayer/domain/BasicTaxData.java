package cn.etax.identity.taxpayer.domain;

import cn.etax.identity.shared.RequiredText;
import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;

import java.time.LocalDate;

/** 基础税务信息 shown in ENT-1: as the core tax system sends it, every field optional. */
@Embeddable
public class BasicTaxData {

    /** 登记注册类型, e.g. 有限责任公司. */
    @Column(name = "registration_type", length = 60)
    private String registrationType;

    /** 行业. */
    @Column(name = "industry", length = 100)
    private String industry;

    @Enumerated(EnumType.STRING)
    @Column(name = "vat_qualification", length = 20)
    private VatQualification vatQualification;

    /** 生产经营地址. */
    @Column(name = "business_address", length = 200)
    private String businessAddress;

    /** 登记日期. */
    @Column(name = "registered_on")
    private LocalDate registeredOn;

    protected BasicTaxData() {
    }

    public BasicTaxData(String registrationType, String industry, VatQualification vatQualification,
                        String businessAddress, LocalDate registeredOn) {
        this.registrationType = cut(registrationType, 60);
        this.industry = cut(industry, 100);
        this.vatQualification = vatQualification;
        this.businessAddress = cut(businessAddress, 200);
        this.registeredOn = registeredOn;
    }

    /** Optional, but never cut short: a longer text is the sender's to fix ({@code TEXT_TOO_LONG}). */
    private static String cut(String s, int max) {
        return RequiredText.optional(s, max);
    }

    public String registrationType() { return registrationType; }
    public String industry() { return industry; }
    public VatQualification vatQualification() { return vatQualification; }
    public String businessAddress() { return businessAddress; }
    public LocalDate registeredOn() { return registeredOn; }
}
