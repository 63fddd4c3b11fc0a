package io.github.eidvn.examples.wallet;

import static io.github.eidvn.examples.wallet.EWalletExample.ACCOUNT;
import static io.github.eidvn.examples.wallet.EWalletExample.LINK_FIELDS;
import static io.github.eidvn.examples.wallet.EWalletExample.LINK_PURPOSE;
import static io.github.eidvn.examples.wallet.EWalletExample.WALLET_ID;
import static io.github.eidvn.examples.wallet.EWalletExample.masked;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.stream.Collectors;

import io.github.eidvn.core.assurance.AssuranceLevel;
import io.github.eidvn.core.assurance.ProofingResult;
import io.github.eidvn.core.consent.CitizenField;
import io.github.eidvn.core.consent.CitizenReferences;
import io.github.eidvn.core.consent.ConsentLedger;
import io.github.eidvn.core.consent.ConsentReceiptIssuer;
import io.github.eidvn.core.consent.ConsentRequestSigner;
import io.github.eidvn.core.consent.ConsentRequestVerifier;
import io.github.eidvn.core.consent.InMemoryRelyingPartyRegistry;
import io.github.eidvn.core.consent.PurposeCatalogue;
import io.github.eidvn.core.consent.RelyingParty;
import io.github.eidvn.core.consent.RequestRejected;
import io.github.eidvn.core.consent.RequestResult;
import io.github.eidvn.core.consent.VerifiedRequest;
import io.github.eidvn.core.identity.CitizenProfile;
import io.github.eidvn.core.keys.KeyRing;
import io.github.eidvn.core.keys.SigningKey;
import io.github.eidvn.core.keys.TrustStore;
import io.github.eidvn.core.sharing.SealRequest;
import io.github.eidvn.core.sharing.SealResult;
import io.github.eidvn.core.sharing.SharedClaims;
import io.github.eidvn.core.sharing.SharingSealer;
import io.github.eidvn.examples.ExampleRecords;
import io.github.eidvn.examples.wallet.EWalletExample.Link;
import io.github.eidvn.examples.wallet.EWalletExample.Unlink;
import io.github.eidvn.postgres.AuditEvent;
import io.github.eidvn.testkit.SandboxPlatform;
import io.github.eidvn.testkit.SettableClock;
import io.github.eidvn.verifier.sharing.OpenRejected;
import io.github.eidvn.verifier.sharing.OpenResult;
import io.github.eidvn.verifier.sharing.Opened;
import io.github.eidvn.verifier.sharing.PartyDecryptionKey;
import io.github.eidvn.verifier.sharing.SharedDataOpener;

/**
 * The wallet's link to a citizen, and what its unlinking needs: VNeID's ledger and sealer, the receipt, the wallet's
 * opener.
 *
 * @param link the link
 * @param ledger VNeID's consent ledger
 * @param sealer VNeID's sealer
 * @param issued the consent receipt
 * @param wallet the wallet as a registered party
 * @param registryData the citizen's data VNeID shares
 * @param opener the wallet's opener
 * @param nonce the nonce of the wallet's request
 */
record WalletLinking(Link link, ConsentLedger ledger, SharingSealer sealer, ConsentReceiptIssuer.Issued issued,
        RelyingParty wallet, SharedClaims registryData, SharedDataOpener opener, String nonce) {

    /**
     * The linking step, by consented sharing: the wallet is a registered relying party for the {@code ewallet-link}
     * purpose; it sends a signed request; the citizen's VNeID app checks it and the citizen consents (a receipt is
     * recorded in the consent ledger); VNeID seals the granted data for the wallet only (signed, then encrypted to the
     * wallet's key), with the assurance level of the citizen's proofing; the wallet opens the package and requires
     * level 2. A package at level 1 is refused first, to show the requirement.
     */
    static WalletLinking establish(PrintStream out, SandboxPlatform vneid, KeyRing vneidKeys, CitizenProfile citizen,
            Clock clock, ExampleRecords records) {
        // VNeID's side: the party registry, the consent ledger, the receipt issuer and the sealer
        InMemoryRelyingPartyRegistry registry = InMemoryRelyingPartyRegistry.create();
        CitizenReferences references = CitizenReferences.generate();
        ConsentLedger ledger = records.ledger(clock).references(references).clock(clock).build();
        ConsentReceiptIssuer receipts = ConsentReceiptIssuer.builder().issuer(SandboxPlatform.ISSUER_ID)
                .keyRing(vneidKeys).references(references).clock(clock).build();
        SharingSealer sealer = SharingSealer.builder().issuer(SandboxPlatform.ISSUER_ID).keyRing(vneidKeys)
                .receiptStatus(ledger).clock(clock).build();

        // the wallet registers: purpose ewallet-link, the fields it may ask for, its signing and encryption keys
        SigningKey walletSigning = SigningKey.generate();
        PartyDecryptionKey walletKey = PartyDecryptionKey.generateEc();
        RelyingParty wallet = RelyingParty.builder().id(WALLET_ID)
                .legalName("Công ty Ví điện tử Demo (SANDBOX)", "Demo E-wallet Company (SANDBOX)")
                .contact("dpo@vi-dien-tu-demo.example.vn")
                .purpose(PurposeCatalogue.standard().find(LINK_PURPOSE).orElseThrow(), LINK_FIELDS)
                .signingJwks("{\"keys\":[" + walletSigning.publicJwkJson() + "]}")
                .encryptionKey(walletKey.publicKey()).build();
        registry.register(wallet);
        out.println("   Ví đăng ký với VNeID / the wallet registers: " + wallet.legalNameVi() + ", mục đích / purpose "
                + LINK_PURPOSE);

        // the wallet's request, checked by the citizen's VNeID app
        ConsentRequestSigner.Signed request = ConsentRequestSigner.builder().partyId(WALLET_ID)
                .signingKey(walletSigning).audience(SandboxPlatform.ISSUER_ID).clock(clock).build()
                .request(LINK_PURPOSE, LINK_FIELDS).purposeText("Liên kết ví điện tử với tài khoản định danh")
                .sign();
        RequestResult checked = ConsentRequestVerifier.builder().registry(registry).audience(SandboxPlatform.ISSUER_ID)
                .clock(clock).build().verify(request.compactJws());
        if (!(checked instanceof VerifiedRequest)) {
            throw new IllegalStateException("the wallet's request was refused: " + ((RequestRejected) checked).reason());
        }
        ConsentReceiptIssuer.Issued issued = receipts.grant((VerifiedRequest) checked, citizen.personalNumber(),
                LINK_FIELDS, Duration.ofDays(365));
        ledger.record(citizen.personalNumber(), issued);
        out.println("   Công dân đồng ý chia sẻ / the citizen consents to share: " + LINK_FIELDS.stream()
                .map(CitizenField::bothLanguages).collect(Collectors.joining(", ")));

        // the level VNeID vouches for: the citizen's level-2 proofing (registry match and face)
        ProofingResult proofing = vneid.proof(SandboxPlatform.levelTwoRequest(citizen));
        if (!(proofing instanceof ProofingResult.Proofed)) {
            throw new IllegalStateException("sandbox proofing failed");
        }
        AssuranceLevel proofed = ((ProofingResult.Proofed) proofing).level();
        SharedClaims registryData = SharedClaims.fromProfile(citizen);

        SharedDataOpener opener = SharedDataOpener.builder().decryptionKey(walletKey).partyId(WALLET_ID)
                .trustStore(TrustStore.fromJwks(vneidKeys.publicJwksJson())).expectedIssuer(SandboxPlatform.ISSUER_ID)
                .receiptStatus(ledger.openings()).requiredLevel(AssuranceLevel.LEVEL_2).expectedPurpose(LINK_PURPOSE)
                .clock(clock).build();

        // a package vouching only for level 1 is refused
        OpenResult low = opener.open(seal(sealer, issued, wallet, registryData, AssuranceLevel.LEVEL_1),
                request.request().nonce());
        String lowReason = low instanceof OpenRejected ? ((OpenRejected) low).reason().name() : "OPENED";
        out.println("   Gói dữ liệu mức độ 1 / a level-1 package: " + lowReason
                + (low instanceof OpenRejected ? " — " + ((OpenRejected) low).reason().vietnamese() + " / "
                        + ((OpenRejected) low).reason().english() : ""));

        // the level-2 package: opened, the wallet is linked
        String delivery = seal(sealer, issued, wallet, registryData, proofed);
        OpenResult opened = opener.open(delivery, request.request().nonce());
        String nonce = request.request().nonce();
        if (!(opened instanceof Opened)) {
            throw new IllegalStateException("linking refused: " + ((OpenRejected) opened).reason());
        }
        Opened o = (Opened) opened;
        String number = o.claims().personalNumber().orElseThrow().value();
        String name = o.claims().name().orElseThrow();
        AssuranceLevel level = o.level().orElseThrow();
        out.println("   Gói dữ liệu mức độ " + level.number() + " (JWE đến khóa của ví, JWT do VNeID ký) / a level-"
                + level.number() + " package (JWE to the wallet's key, JWT signed by VNeID): mở được / opened");
        out.println("   Đã liên kết / linked: " + ACCOUNT + " <-> " + masked(number) + " (" + name + "), mức độ / level "
                + level.number() + ", biên nhận / receipt " + o.receiptId().substring(0, 8) + "…");
        // the same package again (a replayed callback): refused by the wallet's replay guard, audited
        String replay = refusal(out, "Gói liên kết gửi lại / the linking package again",
                opener.open(delivery, nonce));
        records.audit(AuditEvent.Consent.REFUSED, clock.instant(), ledger.reference(citizen.personalNumber()),
                issued.receipt().id(), WALLET_ID, "open_" + replay.toLowerCase(Locale.ROOT));
        return new WalletLinking(new Link(ACCOUNT, number, name, level, "consented level-2 share (" + LINK_PURPOSE + ")",
                lowReason, replay), ledger, sealer, issued, wallet, registryData, opener, nonce);
    }


    /**
     * VNeID seals a data refresh for the wallet, the citizen withdraws the consent before the wallet opens it:
     * the wallet's opening is refused (the ledger audits it), and VNeID seals nothing more (audited here).
     */
    Unlink unlink(PrintStream out, CitizenProfile citizen, SettableClock clock, ExampleRecords records) {
        String refresh = seal(sealer, issued, wallet, registryData, link.level());
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        ConsentLedger.WithdrawOutcome withdrawal = ledger.withdraw(citizen.personalNumber(),
                issued.receipt().id());
        out.println("   Rút lại sự đồng ý / consent withdrawn: " + withdrawal);
        clock.set(clock.instant().plus(Duration.ofMinutes(1)));
        String open = refusal(out, "Gói cập nhật niêm phong trước khi rút / a refresh sealed before the "
                + "withdrawal", opener.open(refresh, nonce));
        SealResult sealed = sealer.seal(SealRequest.forReceipt(issued.receipt(), wallet.encryptionKey())
                .claims(registryData).level(link.level()).methods("face").build());
        if (!(sealed instanceof SealResult.Refused)) {
            throw new IllegalStateException("VNeID sealed data under a withdrawn consent");
        }
        SealResult.Refused refused = (SealResult.Refused) sealed;
        records.audit(AuditEvent.Consent.REFUSED, clock.instant(), ledger.reference(citizen.personalNumber()),
                issued.receipt().id(), WALLET_ID, "seal_" + refused.status().name().toLowerCase(Locale.ROOT));
        out.println("   VNeID không niêm phong thêm / VNeID seals nothing more: " + refused.status());
        return new Unlink(withdrawal, open, refused.status().name());
    }

    private static String refusal(PrintStream out, String label, OpenResult r) {
        if (!(r instanceof OpenRejected)) {
            throw new IllegalStateException("the wallet opened a package it should have refused");
        }
        OpenRejected rejected = (OpenRejected) r;
        out.println("   " + label + ": " + rejected.reason() + " — " + rejected.reason().vietnamese() + " / "
                + rejected.reason().english());
        return rejected.reason().name();
    }

    private static String seal(SharingSealer sealer, ConsentReceiptIssuer.Issued issued, RelyingParty wallet,
            SharedClaims data, AssuranceLevel level) {
        SealResult r = sealer.seal(SealRequest.forReceipt(issued.receipt(), wallet.encryptionKey()).claims(data)
                .level(level).methods(level == AssuranceLevel.LEVEL_2 ? "face" : "pwd").build());
        if (!(r instanceof SealResult.Sealed)) {
            throw new IllegalStateException("VNeID sealed nothing: " + ((SealResult.Refused) r).status());
        }
        return ((SealResult.Sealed) r).compactJwe();
    }
}
