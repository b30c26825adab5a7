package dev.lakehouse.validated.contract;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every contract this daemon validates against, by id; immutable once loaded. */
public final class ContractRegistry {

    private final Map<String, Contract> byId;
    private final List<Contract> ordered;

    public ContractRegistry(Collection<? extends Contract> contracts) {
        Map<String, Contract> sorted = new TreeMap<>();
        for (Contract contract : contracts) {
            if (sorted.putIfAbsent(contract.id(), contract) != null) {
                throw new IllegalArgumentException("contract " + contract.id() + " is defined twice");
            }
        }
        this.byId = Map.copyOf(sorted);
        this.ordered = List.copyOf(sorted.values());
    }

    public Optional<Contract> find(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** All contracts, ordered by id. */
    public List<Contract> all() {
        return ordered;
    }
}
