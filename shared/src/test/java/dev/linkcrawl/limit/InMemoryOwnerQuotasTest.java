package dev.linkcrawl.limit;

import dev.linkcrawl.testing.InMemoryOwnerQuotas;

class InMemoryOwnerQuotasTest extends OwnerQuotasContract {

    private final InMemoryOwnerQuotas quotas = new InMemoryOwnerQuotas();

    @Override
    OwnerQuotas quotas() {
        return quotas;
    }
}
