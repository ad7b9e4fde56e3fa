// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <cstddef>
#include <memory>
#include <vector>

namespace mqttscope {

// An append-only array stored in fixed-size chunks. Growing never moves existing elements, so a
// million topic nodes cost no doubling-and-copy spikes in RSS and element references stay valid.
template<typename T, int ChunkBits = 12>
class ChunkedArray
{
public:
    static constexpr std::size_t ChunkSize = std::size_t(1) << ChunkBits;

    std::size_t size() const { return m_size; }
    bool isEmpty() const { return m_size == 0; }

    T &operator[](std::size_t i) { return m_chunks[i >> ChunkBits][i & (ChunkSize - 1)]; }
    const T &operator[](std::size_t i) const
    {
        return m_chunks[i >> ChunkBits][i & (ChunkSize - 1)];
    }

    // Appends a default-constructed element and returns it.
    T &append()
    {
        if ((m_size >> ChunkBits) == m_chunks.size())
            m_chunks.push_back(std::make_unique<T[]>(ChunkSize));
        return (*this)[m_size++];
    }

    // Appends default-constructed elements up to `size` (never shrinks).
    void growTo(std::size_t size)
    {
        while (m_size < size)
            append();
    }

    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }

private:
    std::vector<std::unique_ptr<T[]>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace mqttscope
