#pragma once
// Which code adds the labels new to an HNSW graph (HnswGraph::apply):
// Sextant's own insertion (index/Graph.cpp, the default) or hnswlib's
// addPoint. Both build the same kind of graph on the same structures; the
// choice is process-wide and only tests and benchmarks change it, to compare
// the two. Updates of labels the graph holds always take hnswlib's path.

namespace sextant {

enum class GraphInsertion { Sextant, Hnswlib };

void setGraphInsertion(GraphInsertion insertion);
GraphInsertion graphInsertion();

} // namespace sextant
