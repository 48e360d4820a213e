using Kovablik.Tests.Infrastructure;

namespace Kovablik.Tests.Accounts;

/// <summary>The test's own authenticator must be right, or the sign-in tests prove nothing.</summary>
public sealed class TotpTests
{
    // RFC 6238 appendix B, SHA-1 secret "12345678901234567890"; the 8-digit vectors end in these 6 digits.
    [Theory]
    [InlineData(59L, "287082")]
    [InlineData(1111111109L, "081804")]
    [InlineData(1234567890L, "005924")]
    [InlineData(20000000000L, "353130")]
    public void Code_matches_the_rfc_6238_test_vectors(long unixSeconds, string expected) =>
        Assert.Equal(expected, Totp.Code("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", DateTimeOffset.FromUnixTimeSeconds(unixSeconds)));

    [Fact]
    public void Base32_decoding_ignores_spaces_case_and_padding() =>
        Assert.Equal("12345678901234567890"u8.ToArray(), Totp.Base32Decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq===="));
}
