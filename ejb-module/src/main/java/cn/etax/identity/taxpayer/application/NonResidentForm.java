package cn.etax.identity.taxpayer.application;

/**
 * LOGIN-5 非居民企业身份信息采集: the non-resident enterprise's name, its country of residence (ISO 3166 alpha-3),
 * its registration number and address there.
 */
public record NonResidentForm(String enterpriseName, String country, String registrationNumber, String address) {
}
