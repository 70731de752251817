extension Array where Element: Comparable {
    /// Sorts the array and drops equal neighbours: a set would hash every element,
    /// which costs more for the short lists this serves (a verdict's evidence) and the
    /// long ones (the cases of a judging step).
    mutating func sortAndRemoveDuplicates() {
        sort()
        var unique = 0
        for element in self where unique == 0 || self[unique - 1] != element {
            self[unique] = element
            unique += 1
        }
        removeLast(count - unique)
    }
}
